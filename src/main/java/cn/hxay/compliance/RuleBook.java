package cn.hxay.compliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every rule set the platform knows: those shipped in
 * {@code classpath:compliance/rule-sets/} and those an administrator drops into
 * {@code hxay.compliance.rule-directory} (no code change needed). Loaded and checked at
 * start: a doubtful rule stops the start with a message naming the rule and the problem.
 */
@Component
class RuleBook {

	private final Map<String, RuleSet> sets = new LinkedHashMap<>();

	private final java.security.MessageDigest digest;

	RuleBook(JsonMapper json, @Value("${hxay.compliance.rule-directory:}") String directory) throws IOException {
		try {
			digest = java.security.MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		RuleSetReader reader = new RuleSetReader(json);
		List<String> problems = new ArrayList<>();
		Resource[] shipped = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:compliance/rule-sets/*.json");
		for (Resource resource : shipped) {
			add(reader, resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8), problems);
		}
		if (!directory.isBlank() && Files.isDirectory(Path.of(directory))) {
			try (Stream<Path> files = Files.list(Path.of(directory))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
					add(reader, file.toString(), Files.readString(file), problems);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("规则数据有误，平台未启动：\n" + String.join("\n", problems));
		}
	}

	private void add(RuleSetReader reader, String source, String text, List<String> problems) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		try {
			RuleSet set = reader.read(source, text);
			if (sets.putIfAbsent(set.id(), set) != null) {
				problems.add(source + "：规则集 id “" + set.id() + "” 重复");
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(ex.getMessage());
		}
	}

	/** A fingerprint of every rule file read, to notice changed rules between starts. */
	String fingerprint() {
		try {
			return java.util.HexFormat.of().formatHex(((java.security.MessageDigest) digest.clone()).digest());
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Collection<RuleSet> all() {
		return sets.values();
	}

	Optional<RuleSet> find(String id) {
		return Optional.ofNullable(sets.get(id));
	}

	/**
	 * Rules of the given sets (plus the sets that apply everywhere) in force on the date.
	 */
	List<Rule> rulesFor(Collection<String> assignedSetIds, LocalDate date) {
		return sets.values()
			.stream()
			.filter(set -> set.everywhere() || assignedSetIds.contains(set.id()))
			.flatMap(set -> set.rules().stream())
			.filter(rule -> rule.inForceOn(date))
			.toList();
	}

}
