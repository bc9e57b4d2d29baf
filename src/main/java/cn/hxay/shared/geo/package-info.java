/**
 * Geography shared by the modules that place things near schools: WGS-84 distances, the
 * GCJ-02 transform of Chinese map apps, and a typed point checked and converted on entry.
 */
package cn.hxay.shared.geo;
