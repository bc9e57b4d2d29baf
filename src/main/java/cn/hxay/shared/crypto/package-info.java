/**
 * Field encryption for every module, in one place: the key ring (AES-256-GCM and keyed
 * HMAC-SHA256 with the JDK's JCA, keys with ids so they can rotate) and where its keys
 * come from (configuration or a key file outside the database).
 */
package cn.hxay.shared.crypto;
