package cn.hxay.keyperson;

/**
 * The 一人一案 control plan: the measures, the guardians and community contacts who share the
 * control, and the visit interval when it differs from the category's default for the
 * risk level ({@code null} = the default).
 */
public record ControlPlan(String measures, String guardians, String communityContacts, Integer visitIntervalDays) {

	static final ControlPlan EMPTY = new ControlPlan(null, null, null, null);

}
