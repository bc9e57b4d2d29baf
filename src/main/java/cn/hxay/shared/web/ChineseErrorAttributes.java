package cn.hxay.shared.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What the container's error page ({@code /error}) says when a request is refused before
 * any controller (by the security filters, or by the server itself): Chinese title and
 * detail, on the error page and in the JSON the API gets, never the English reason
 * phrase.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		int status = attributes.get("status") instanceof Integer code ? code : 500;
		String title = switch (status) {
			case 400 -> "请求有误";
			case 401 -> "未认证";
			case 403 -> "无权访问";
			case 404 -> "未找到";
			case 405 -> "不支持的操作";
			case 409 -> "修改冲突";
			case 413 -> "文件过大";
			case 415 -> "不支持的请求格式";
			default -> status >= 500 ? "服务器错误" : "请求无法完成";
		};
		String detail = switch (status) {
			case 400 -> "请求参数有误。";
			case 401 -> "请先登录 (接口使用 HTTP Basic)。";
			case 403 -> "您无权访问该页面或执行该操作。";
			case 404 -> "页面不存在。";
			case 405 -> "该地址不支持此请求方式。";
			case 413 -> "上传的内容超过了允许的大小。";
			default -> "请求无法完成，请稍后重试；如持续出现请联系系统管理员。";
		};
		attributes.put("error", title);
		attributes.put("title", title);
		attributes.put("detail", detail);
		attributes.remove("message");
		return attributes;
	}

}
