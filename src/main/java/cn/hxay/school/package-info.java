/**
 * School registry: each school's type, size, boarders, urban/rural class and its place in
 * the tree (education bureau, police station, township), with Excel import/export and the
 * {@code /api/v1/schools} API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "organisation", "shared" })
package cn.hxay.school;
