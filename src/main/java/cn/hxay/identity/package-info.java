/**
 * Who may sign in and what they may do: user accounts of one unit each, roles, the
 * password policy, lockout after failed logins, the first-start administrator set-up, and
 * the security configuration that denies by default.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "organisation", "shared" })
package cn.hxay.identity;
