package cn.hxay.shared.web;

import java.util.Map;

import cn.hxay.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * PostgreSQL cannot store the NUL character ({@code \u0000}) in text, and no person types
 * one: a request carrying one in any parameter or JSON string is refused with 400 before
 * any handler runs, instead of failing in the database.
 */
@Configuration(proxyBeanMethods = false)
class TextInputCheck implements WebMvcConfigurer {

	static final String NUL_MESSAGE = "“%s”含有不允许的空字符 (\\u0000)，没有保存任何内容。";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (!(handler instanceof HandlerMethod)) {
					return true;
				}
				for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
					boolean nul = parameter.getKey().indexOf('\0') >= 0;
					for (String value : parameter.getValue()) {
						nul |= value != null && value.indexOf('\0') >= 0;
					}
					if (nul) {
						String field = parameter.getKey().replace("\0", "");
						throw new InvalidInputException(field, NUL_MESSAGE.formatted(field));
					}
				}
				return true;
			}

		});
	}

	/** Every JSON string goes through this check (a string with NUL fails to bind). */
	@Bean
	JacksonModule nulRefusingStrings() {
		SimpleModule module = new SimpleModule("nul-refusing-strings");
		module.addDeserializer(String.class, new StringDeserializer() {

			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) {
				String value = super.deserialize(parser, context);
				if (value != null && value.indexOf('\0') >= 0) {
					throw context.weirdStringException(value, String.class, "contains NUL");
				}
				return value;
			}

		});
		return module;
	}

}
