package cn.hxay.keyperson;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.crypto.FieldCipher;
import cn.hxay.shared.crypto.KeyRing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key-person side of the school gate's watch-list check: the minimal public API the
 * visitor module uses. It answers only whether there is a hit (as an opaque alert
 * number); which key person, and why, stays police-only.
 */
@Service
public class KeyPersonWatchList {

	private final GateWatch gateWatch;

	private final FieldCipher keys;

	private final KeyPersons keyPersons;

	private final KeyPersonAudit audit;

	private final Clock clock;

	KeyPersonWatchList(GateWatch gateWatch, KeyRing keys, KeyPersons keyPersons, KeyPersonAudit audit, Clock clock) {
		this.gateWatch = gateWatch;
		this.keys = keys.cipher(KeyPersons.CIPHER);
		this.keyPersons = keyPersons;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Whether a visitor's ID number belongs to a key person under control whom the police
	 * linked to this school (within the nearby radius, {@code key_person_school}),
	 * matched on the keyed HMAC column {@code id_number_hmac} under every key of the
	 * ring. On a hit a police-only gate alert is recorded for the key person's station
	 * and audited.
	 * @return the alert number, or empty when there is no hit
	 */
	@Transactional
	public OptionalLong watchListHit(long schoolId, String schoolName, String idNumber) {
		if (idNumber == null || idNumber.isBlank()) {
			return OptionalLong.empty();
		}
		Optional<GateWatch.Match> match = gateWatch.match(schoolId,
				keys.hmacs(PersonalNumbers.normaliseIdNumber(idNumber)));
		if (match.isEmpty()) {
			return OptionalLong.empty();
		}
		long alert = gateWatch.alert(match.get(), schoolId, schoolName, clock.instant());
		audit.allowed(new CurrentUser(0, "gate", "门岗名单核验", match.get().stationId(), Set.of()), "GATE_HIT",
				match.get().keyPersonId(), "门岗预警 " + alert + " · " + schoolName);
		return OptionalLong.of(alert);
	}

	/**
	 * The key person a gate alert is about, for police whose scope holds the alert's
	 * station (404 otherwise), audited as a view.
	 */
	@Transactional
	public KeyPerson alertPerson(CurrentUser user, DataScope scope, long alertId) {
		if (!KeyPersons.mayUse(user)) {
			audit.refused(user, "门岗预警 " + alertId);
			throw new ForbiddenException("重点人员信息仅限公安民警查看");
		}
		long person = gateWatch.personOf(scope, alertId).orElseThrow(() -> new NotFoundException("门岗预警不存在或不在您的管辖范围内"));
		return keyPersons.view(user, scope, person);
	}

}
