package cn.hxay.keyperson;

/** The full ID and phone numbers of one key person, shown once after a stated reason. */
public record Revealed(long id, String name, String idNumber, String phone) {
}
