package cn.hxay.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.compliance.Compliance;
import cn.hxay.inspection.Inspections;
import cn.hxay.posture.Postures;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.NewUserAccount;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.identity.UserSummary;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.PlatformTime;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.NewOrganisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.school.SchoolDetails;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.SchoolRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start in demo mode ({@code hxay.demo.enabled=true}, the default) fills an empty
 * database with the demo city. A database that already holds regions is left alone, so
 * data survives restarts; production turns the flag off.
 */
@Component
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final boolean enabled;

	private final long seed;

	private final Organisations organisations;

	private final UserAccounts accounts;

	private final SchoolRegistry schools;

	private final Postures postures;

	private final Compliance compliance;

	private final TransactionTemplate transactions;

	private final ClusterLock clusterLock;

	private final Clock clock;

	private final Inspections inspections;

	private CurrentUser administrator;

	DemoData(@Value("${hxay.demo.enabled:true}") boolean enabled, @Value("${hxay.demo.seed:20191125}") long seed,
			Clock clock, Organisations organisations, UserAccounts accounts, SchoolRegistry schools, Postures postures,
			Compliance compliance, TransactionTemplate transactions, ClusterLock clusterLock, Inspections inspections) {
		this.postures = postures;
		this.compliance = compliance;
		this.enabled = enabled;
		this.clock = clock;
		this.inspections = inspections;
		this.seed = seed;
		this.organisations = organisations;
		this.accounts = accounts;
		this.schools = schools;
		this.transactions = transactions;
		this.clusterLock = clusterLock;
	}

	/** Writes the demo city through the other modules' public APIs. */
	private final class PlatformSink implements DemoCity.Sink {

		private CurrentUser registrar;

		@Override
		public void region(String code, String name, RegionLevel level, String parentCode) {
			organisations.addRegion(code, name, level, parentCode);
		}

		@Override
		public long unit(String name, OrganisationKind kind, String regionCode, Long parentId) {
			return organisations.add(new NewOrganisation(name, kind, regionCode, parentId)).id();
		}

		@Override
		public void user(String username, String displayName, long unitId, Role role, String phone) {
			UserSummary user = accounts
				.open(new NewUserAccount(username, displayName, DemoUsers.PASSWORD, unitId, Set.of(role), phone));
			if (role == Role.SYSTEM_ADMIN && registrar == null) {
				registrar = new CurrentUser(user.id(), user.username(), user.displayName(), user.organisationId(),
						user.roles());
			}
		}

		@Override
		public long school(SchoolDetails details) {
			return schools.register(registrar, DataScope.everything(false), details).organisationId();
		}

	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		long started = System.nanoTime();
		Integer created = transactions.execute(status -> {
			// several nodes may start at once: one builds, the others find it built
			clusterLock.await("demo.build-city");
			if (!organisations.regions().isEmpty() || accounts.anyExist()) {
				return null;
			}
			PlatformSink sink = new PlatformSink();
			int built = new DemoCity(sink, seed).build();
			administrator = sink.registrar;
			List<School> all = new ArrayList<>();
			schools.forEach(DataScope.everything(false), SchoolFilter.none(), all::add);
			new DemoPostures(postures, seed + 31).record(all, OffsetDateTime.now(clock));
			return built;
		});
		if (created != null) {
			// 常州 is in Jiangsu: the national rules plus the Jiangsu staffing and age
			// rules; an administrator can
			// switch the city to another region's rule sets on /admin/rule-sets and see
			// the rates move
			transactions.executeWithoutResult(
					status -> compliance.assign("demo", DemoCity.CITY, List.of("jiangsu-2020", "changzhou-2019")));
			compliance.evaluateAll();
			CurrentUser admin = administrator;
			// each step in its own transaction, as officers would work
			int worked = new DemoInspections(inspections, postures, schools, seed + 47).run(admin,
					PlatformTime.today(clock));
			log.info("演示检查任务已下发，{} 所学校已填报", worked);
		}
		if (created != null) {
			log.info("演示数据已生成: {} 所学校, 用时 {} ms; 演示账号密码 {}", created, (System.nanoTime() - started) / 1_000_000,
					DemoUsers.PASSWORD);
		}
	}

}
