package cn.hxay.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.hxay.audit.AuditTrail;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.Violation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation module's API: regions, units, and the data scope of a unit.
 */
@Service
@Transactional(readOnly = true)
public class Organisations {

	private final OrganisationStore store;

	private final AuditTrail audit;

	Organisations(OrganisationStore store, AuditTrail audit) {
		this.store = store;
		this.audit = audit;
	}

	public List<Region> regions() {
		return store.regions();
	}

	public Region region(String code) {
		return store.region(code).orElseThrow(() -> new NotFoundException("地区 " + code + " 不存在"));
	}

	/** Counties (and county-level cities) of a city, by code. */
	public List<Region> countiesOf(String cityCode) {
		return store.regions().stream().filter(r -> cityCode.equals(r.parentCode())).toList();
	}

	public List<Region> counties() {
		return store.regions().stream().filter(r -> r.level() == RegionLevel.COUNTY).toList();
	}

	@Transactional
	public Region addRegion(String code, String name, RegionLevel level, String parentCode) {
		List<Violation> problems = new ArrayList<>();
		String trimmedName = name == null ? "" : name.strip();
		if (!Region.isValidCode(code)) {
			problems.add(Violation.of("code", "地区代码须为 6 位数字 (GB/T 2260)"));
		}
		else if (store.region(code).isPresent()) {
			problems.add(Violation.of("code", "地区代码 " + code + " 已存在"));
		}
		if (trimmedName.isEmpty() || trimmedName.length() > 50) {
			problems.add(Violation.of("name", "地区名称不能为空，且不超过 50 个字"));
		}
		if (level == null) {
			problems.add(Violation.of("level", "请选择地区级别"));
		}
		else if (level != RegionLevel.PROVINCE) {
			Optional<Region> parent = parentCode == null || parentCode.isBlank() ? Optional.empty()
					: store.region(parentCode);
			RegionLevel expected = level == RegionLevel.CITY ? RegionLevel.PROVINCE : RegionLevel.CITY;
			if (level == RegionLevel.COUNTY && parent.isEmpty()) {
				problems.add(Violation.of("parentCode", "县/区必须属于一个市"));
			}
			else if (parent.isPresent() && parent.get().level() != expected) {
				problems.add(Violation.of("parentCode", "上级地区级别不对：" + level.label() + "的上级应为" + expected.label()));
			}
			else if (parent.isPresent() && code != null && Region.isValidCode(code)
					&& !code.startsWith(parent.get().code().substring(0, level == RegionLevel.COUNTY ? 4 : 2))) {
				problems.add(Violation.of("code", "地区代码 " + code + " 与上级 " + parent.get().code() + " 不一致"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Region region = new Region(code, trimmedName, level,
				parentCode == null || parentCode.isBlank() ? null : parentCode);
		store.insert(region);
		audit.record("REGION_CREATED", "region", code, trimmedName);
		return region;
	}

	@Transactional
	public void renameRegion(String code, String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 50) {
			throw new InvalidInputException("name", "地区名称不能为空，且不超过 50 个字");
		}
		if (!store.renameRegion(code, trimmed)) {
			throw new NotFoundException("地区 " + code + " 不存在");
		}
		audit.record("REGION_RENAMED", "region", code, trimmed);
	}

	public long countOrganisations() {
		return store.countOrganisations();
	}

	public Organisation get(long id) {
		return store.organisation(id).orElseThrow(() -> new NotFoundException("单位不存在"));
	}

	public Optional<Organisation> find(Long id) {
		return id == null ? Optional.empty() : store.organisation(id);
	}

	public Map<Long, Organisation> byIds(Collection<Long> ids) {
		return store.organisations(ids.stream().filter(java.util.Objects::nonNull).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Organisation::id, Function.identity()));
	}

	/**
	 * Units of one kind in a region; a city code also finds the units of its counties.
	 */
	public List<Organisation> ofKind(OrganisationKind kind, String regionCode) {
		return store.byKind(kind, regionPrefix(regionCode));
	}

	/**
	 * Every unit except schools (which the school registry lists), optionally in one
	 * region and of one kind.
	 */
	public List<Organisation> units(String regionCode, OrganisationKind kind) {
		return store.listExcludingSchools(regionCode == null || regionCode.isBlank() ? "" : regionPrefix(regionCode),
				kind);
	}

	public Optional<Organisation> findByName(String regionCode, OrganisationKind kind, String name) {
		return store.byName(regionCode, kind, name);
	}

	@Transactional
	public Organisation add(NewOrganisation command) {
		List<Violation> problems = new ArrayList<>();
		if (command.name() == null || command.name().isEmpty() || command.name().length() > 100) {
			problems.add(Violation.of("name", "单位名称不能为空，且不超过 100 个字"));
		}
		if (command.kind() == null) {
			problems.add(Violation.of("kind", "请选择单位类型"));
		}
		Optional<Region> region = command.regionCode() == null ? Optional.empty() : store.region(command.regionCode());
		if (region.isEmpty()) {
			problems.add(Violation.of("regionCode", "请选择所属地区"));
		}
		Organisation parent = command.parentId() == null ? null : store.organisation(command.parentId()).orElse(null);
		if (command.parentId() != null && parent == null) {
			problems.add(Violation.of("parentId", "上级单位不存在"));
		}
		else if (parent != null && !parent.enabled()) {
			problems.add(Violation.of("parentId", "上级单位“" + parent.name() + "”已停用"));
		}
		if (command.kind() != null && region.isPresent()) {
			OrganisationKind kind = command.kind();
			boolean schoolOnCity = kind == OrganisationKind.SCHOOL && region.get().level() == RegionLevel.CITY;
			if (region.get().level() != kind.regionLevel() && !schoolOnCity) {
				problems.add(Violation.of("regionCode", kind.label() + "应设在" + kind.regionLevel().label() + "级地区"));
			}
			if (kind.needsParent() && parent == null && command.parentId() == null) {
				problems.add(Violation.of("parentId", kind.label() + "必须指定上级单位"));
			}
			if (!kind.needsParent() && parent != null) {
				problems.add(Violation.of("parentId", kind.label() + "不设上级单位"));
			}
			if (kind.needsParent() && parent != null) {
				if (!kind.acceptsParent(parent.kind())) {
					problems.add(Violation.of("parentId", parent.kind().label() + "不能作为" + kind.label() + "的上级"));
				}
				else if (!parent.regionCode().equals(region.get().code())
						&& !parent.regionCode().equals(region.get().parentCode())) {
					problems.add(Violation.of("parentId", "上级单位不在本地区或其上级地区"));
				}
			}
			if (problems.isEmpty() && store.byName(region.get().code(), kind, command.name()).isPresent()) {
				problems.add(Violation.of("name", "本地区已有同名的" + kind.label() + "：" + command.name()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Organisation created = store.insert(command.name(), command.kind(), command.regionCode(), parent);
		audit.record("ORGANISATION_CREATED", "organisation", created.id(),
				created.kind().label() + " " + created.name());
		return created;
	}

	@Transactional
	public Organisation rename(long id, int version, String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new InvalidInputException("name", "单位名称不能为空，且不超过 100 个字");
		}
		Organisation unit = get(id);
		if (!unit.name().equals(trimmed) && store.byName(unit.regionCode(), unit.kind(), trimmed).isPresent()) {
			throw new InvalidInputException("name", "本地区已有同名的" + unit.kind().label() + "：" + trimmed);
		}
		if (!store.rename(id, version, trimmed)) {
			throw new ConcurrentEditException("单位“" + unit.name() + "”");
		}
		audit.record("ORGANISATION_RENAMED", "organisation", id, unit.name() + " → " + trimmed);
		return get(id);
	}

	/**
	 * Moves a unit under another parent of a kind it accepts, e.g. a school to another
	 * education bureau.
	 */
	@Transactional
	public void move(long id, long newParentId) {
		Organisation unit = get(id);
		Organisation parent = get(newParentId);
		if (unit.parentId() != null && unit.parentId() == newParentId) {
			return;
		}
		if (!parent.enabled()) {
			throw new InvalidInputException("parentId", "上级单位“" + parent.name() + "”已停用");
		}
		if (!unit.kind().acceptsParent(parent.kind()) || parent.isWithin(unit)) {
			throw new InvalidInputException("parentId", parent.kind().label() + "不能作为" + unit.kind().label() + "的上级");
		}
		store.move(unit, parent);
		audit.record("ORGANISATION_MOVED", "organisation", id, unit.name() + "：上级由 "
				+ (unit.parentId() == null ? "无" : get(unit.parentId()).name()) + " 改为 " + parent.name());
	}

	/**
	 * The unit picker: enabled units whose name contains {@code text}, of the given kinds
	 * (any kind when none is given), at most {@code limit}.
	 */
	public List<Organisation> search(String text, Collection<OrganisationKind> kinds, int limit) {
		String cleaned = text == null ? "" : text.strip();
		if (cleaned.isEmpty() || cleaned.length() > 100) {
			return List.of();
		}
		return store.search(cleaned, kinds.stream().map(Enum::name).toList(), Math.max(1, Math.min(limit, 50)));
	}

	/** How many schools each unit has in its subtree, by unit id. */
	public Map<Long, Long> schoolsBelow() {
		return store.schoolsBelow();
	}

	/**
	 * Switches a unit off (or on again). A disabled unit keeps its history and accounts
	 * but is no longer offered for new accounts or as a parent; a unit with enabled units
	 * below it cannot be switched off.
	 */
	@Transactional
	public Organisation setEnabled(long id, int version, boolean enabled) {
		Organisation unit = get(id);
		if (!enabled && store.hasEnabledChildren(id)) {
			throw new InvalidInputException("enabled", "“" + unit.name() + "”下还有启用的下级单位，请先停用或移走它们");
		}
		if (!store.setEnabled(id, version, enabled)) {
			throw new ConcurrentEditException("单位“" + unit.name() + "”");
		}
		audit.record(enabled ? "ORGANISATION_ENABLED" : "ORGANISATION_DISABLED", "organisation", id,
				unit.kind().label() + " " + unit.name());
		return get(id);
	}

	/**
	 * The scope of a user of the given unit: the unit's subtree, or everything for
	 * platform administrators. A scope above schools names the units of the subtree other
	 * than the schools; the schools in it are covered through their parents (see
	 * {@link DataScope}).
	 */
	public DataScope scopeOf(long organisationId, boolean unrestricted) {
		Organisation unit = get(organisationId);
		boolean police = unit.kind().isPolice();
		if (unrestricted) {
			return DataScope.everything(police);
		}
		if (unit.kind() == OrganisationKind.SCHOOL) {
			return DataScope.ofSchool(unit.id(), police);
		}
		return DataScope.ofSubtree(store.scopeIds(unit), police, unit.regionCode());
	}

	/**
	 * The ids a record about these units keeps in its {@code unit_ids} column: the units
	 * and, for each school among them, the school's parent, so that a scope above the
	 * school (which names no school, see {@link DataScope}) finds the record.
	 */
	public Long[] recordUnitIds(Collection<Long> unitIds) {
		return recordUnitIdsOf(store.organisations(unitIds).toArray(Organisation[]::new));
	}

	/**
	 * {@link #recordUnitIds(Collection)} for units already loaded: no query (a notice to
	 * 200 units, a report to every school of a county).
	 */
	public static Long[] recordUnitIdsOf(Organisation... units) {
		Set<Long> ids = new LinkedHashSet<>();
		for (Organisation unit : units) {
			ids.add(unit.id());
			if (unit.kind() == OrganisationKind.SCHOOL && unit.parentId() != null) {
				ids.add(unit.parentId());
			}
		}
		return ids.toArray(Long[]::new);
	}

	/**
	 * Prefix of region codes inside a region: 32 for a province, 3204 for a city, the
	 * code for a county.
	 */
	public String regionPrefix(String regionCode) {
		Region region = region(regionCode);
		return switch (region.level()) {
			case PROVINCE -> regionCode.substring(0, 2);
			case CITY -> regionCode.substring(0, 4);
			case COUNTY -> regionCode;
		};
	}

}
