package cn.hxay.alarm;

/**
 * A device and its newly issued token; the token is shown this once and never stored in
 * clear.
 */
public record IssuedToken(Device device, String token) {

}
