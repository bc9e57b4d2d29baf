/**
 * Append-only audit log (等保 2.0 level 3): every login, failed login and data change, with
 * who, when, from which IP and what. Passwords and ID numbers are never written here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package cn.hxay.audit;
