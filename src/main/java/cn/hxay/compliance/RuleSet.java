package cn.hxay.compliance;

import java.util.List;

/**
 * A named body of rules from one document or standard, assigned to regions as a whole.
 *
 * @param everywhere applies in every region without being assigned (the national rules)
 */
record RuleSet(String id, String title, String description, boolean everywhere, List<Rule> rules) {
}
