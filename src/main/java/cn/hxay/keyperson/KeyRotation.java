package cn.hxay.keyperson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The rotation path: after a new key is put in front of the key ring (and the platform
 * restarted), every value still written under an older key is re-encrypted on start. The
 * old key can be removed once the log says nothing is left.
 */
@Component
class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final KeyPersons keyPersons;

	private final KeyRing keys;

	KeyRotation(KeyPersons keyPersons, KeyRing keys) {
		this.keyPersons = keyPersons;
		this.keys = keys;
	}

	@EventListener(ApplicationReadyEvent.class)
	void reencryptStaleValues() {
		int done = keyPersons.reencryptAll();
		if (done > 0) {
			log.info("已用当前密钥 {} 重新加密 {} 名重点人员的号码", keys.currentId(), done);
		}
	}

}
