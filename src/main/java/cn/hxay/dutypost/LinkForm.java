package cn.hxay.dutypost;

/**
 * A school's police links as entered; an empty name means none assigned.
 *
 * @param roomRequired whether the school must have a 警务室 or 治安岗亭 (default yes)
 */
public record LinkForm(String vicePrincipal, String counsellor, String liaisonOfficer, String liaisonPhone,
		PoliceRoom policeRoom, Boolean roomRequired) {

}
