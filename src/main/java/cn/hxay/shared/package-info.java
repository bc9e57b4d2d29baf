/**
 * Open kernel every module may use: paging, the domain's error types, the access-rule
 * contract and the embedded-database default.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.hxay.shared;
