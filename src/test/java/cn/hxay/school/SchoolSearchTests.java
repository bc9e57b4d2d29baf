package cn.hxay.school;

import java.util.List;

import cn.hxay.benchmark.ProvinceData;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Name search on a registry of 20,600 schools (the demo city and 20,000 generated copies,
 * rolled back afterwards): the results equal a recount that reads every row, and
 * PostgreSQL answers through the bigram index for a two-character Chinese query (实验),
 * through the trigram index for a longer one, and through the code index for a code's
 * start.
 */
@PlatformTest
class SchoolSearchTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SchoolRegistry registry;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void findsSchoolsByPartOfTheirNameThroughAnIndexAtTwentyThousandSchools() {
		transactions.executeWithoutResult(tx -> {
			tx.setRollbackOnly();
			new ProvinceData(jdbc).schools(20_600);
			jdbc.sql("analyze school").update();
			DataScope everything = DataScope.everything(false);

			for (String text : List.of("实验", "实验小学", "中心幼儿园", "学", "#1999")) {
				SchoolFilter filter = new SchoolFilter(text, null, null, null, null, null);
				Paged<School> found = registry.search(everything, filter, PageRequest.of(0, 50));
				long recount = jdbc.sql("select count(*) from school where position(? in name) > 0 or code like ?")
					.params(text, text + "%")
					.query(Long.class)
					.single();
				assertThat(found.total()).as("schools found by %s", text).isEqualTo(recount).isPositive();
				assertThat(found.items()).allSatisfy(s -> assertThat(s.name()).contains(text));
			}

			assertThat(plan(everything, "实验")).contains("school_name_bigrams_idx").doesNotContain("Seq Scan");
			assertThat(plan(everything, "中心幼儿园")).contains("school_name_trgm_idx").doesNotContain("Seq Scan");
			String code = jdbc.sql("select code from school where code like '9%' order by code desc limit 1")
				.query(String.class)
				.single();
			assertThat(registry
				.search(everything, new SchoolFilter(code.substring(0, 9), null, null, null, null, null),
						PageRequest.of(0, 50))
				.items()).extracting(School::code).contains(code);
			assertThat(plan(everything, code.substring(0, 9))).contains("school_code_prefix_idx");
		});
	}

	private String plan(DataScope scope, String text) {
		SchoolFilter filter = new SchoolFilter(text, null, null, null, null, null);
		return String.join("\n",
				SchoolStore
					.bind(jdbc.sql("explain select id from school where " + SchoolStore.SCOPE + SchoolStore.FILTER),
							filter, scope)
					.query(String.class)
					.list());
	}

}
