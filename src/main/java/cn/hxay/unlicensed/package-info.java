/**
 * Unlicensed kindergartens, care points and tutoring classes (无证幼儿园、看护点、校外培训班; seed 003
 * §三.1, seed 004 §(二)): a ledger from 发现 to a deadline for obtaining approval (限期办证),
 * closed out (销号) as licensed with its licence number or as banned (取缔), with a re-check
 * after a ban that records a reopening as a new case. Education bureaus and police read
 * and work it in their scope (the county education bureau, police station and township it
 * lies in).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "identity", "organisation", "portal", "shared" })
package cn.hxay.unlicensed;
