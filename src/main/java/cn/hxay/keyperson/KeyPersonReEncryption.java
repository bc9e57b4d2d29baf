package cn.hxay.keyperson;

import cn.hxay.shared.crypto.ReEncryption;

import org.springframework.stereotype.Component;

/**
 * Key persons' part of the rotation path: after a new key is put in front of the key ring
 * (and the platform restarted), every ID and phone number still written under an older
 * key is re-encrypted on start.
 */
@Component
class KeyPersonReEncryption implements ReEncryption {

	private final KeyPersons keyPersons;

	KeyPersonReEncryption(KeyPersons keyPersons) {
		this.keyPersons = keyPersons;
	}

	@Override
	public String what() {
		return "重点人员的身份证号和电话";
	}

	@Override
	public int reencryptStale() {
		return keyPersons.reencryptAll();
	}

}
