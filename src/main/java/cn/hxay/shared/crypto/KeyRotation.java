package cn.hxay.shared.crypto;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The rotation path: after a new key is put in front of the key ring (and the platform
 * restarted), every module that keeps encrypted values rewrites those still under an
 * older key. The old key can be removed once the log says nothing is left.
 */
@Component
class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final KeyRing keys;

	private final List<ReEncryption> modules;

	KeyRotation(KeyRing keys, List<ReEncryption> modules) {
		this.keys = keys;
		this.modules = modules;
	}

	@EventListener(ApplicationReadyEvent.class)
	void reencryptStaleValues() {
		for (ReEncryption module : modules) {
			int done = module.reencryptStale();
			if (done > 0) {
				log.info("已用当前密钥 {} 重新加密 {}：{} 条", keys.currentId(), module.what(), done);
			}
		}
		if (keys.ids().size() > 1) {
			log.info("密钥环 {}：旧密钥下的密文已全部重新加密，旧密钥可以移除", keys);
		}
	}

}
