package cn.hxay.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The platform's static files, each folder under its own address: {@code /css},
 * {@code /js}, {@code /geo} from {@code static/}, and the WebJars under {@code /webjars}
 * without their version in the address. Spring Boot's default maps {@code /**} to four
 * class-path folders; the link encoding of the resource chain then looked every link of
 * every page ({@code /schools/123} …) up in every jar of the class path, a fifth of the
 * CPU under load at 100,000 schools. With these handlers ({@code
 * spring.web.resources.add-mappings=false}) a link outside these folders is not looked up
 * at all.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final String[] FOLDERS = { "css", "js", "geo" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(true);
		}
	}

}
