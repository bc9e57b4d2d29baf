package cn.hxay.school;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every registered school meets, whatever the channel (form, API, Excel).
 */
class SchoolDetailsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			valid                          | 3204020001 | 600 | false | 0   | 120.0 | 31.8 |
			code of 9 digits               | 320402000  | 600 | false | 0   | 120.0 | 31.8 | 学校标识码须为 10 位数字
			code with a letter             | 32040200A1 | 600 | false | 0   | 120.0 | 31.8 | 学校标识码须为 10 位数字
			boarders above students        | 3204020001 | 300 | true  | 301 | 120.0 | 31.8 | 不能超过在校生数
			boarders equal students        | 3204020001 | 300 | true  | 300 | 120.0 | 31.8 |
			boarders without boarding flag | 3204020001 | 300 | false | 10  | 120.0 | 31.8 | 请勾选“寄宿制”
			longitude outside China        | 3204020001 | 300 | false | 0   | 12.0  | 31.8 | 经度应在 73–136 之间
			""")
	void checksEachRule(String label, String code, int students, boolean boarding, int boarders, BigDecimal longitude,
			BigDecimal latitude, String expectedProblem) {
		SchoolDetails details = new SchoolDetails(code, "测试学校", SchoolKind.PRIMARY, Ownership.PUBLIC, Locality.URBAN,
				boarding, students, boarders, 40, null, longitude, latitude, null, null, null, null, 1L, 2L, null,
				false, true);
		if (expectedProblem == null) {
			assertThat(details.violations()).isEmpty();
		}
		else {
			assertThat(details.violations()).anySatisfy(v -> assertThat(v.message()).contains(expectedProblem));
		}
	}

}
