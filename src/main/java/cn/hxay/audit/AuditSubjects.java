package cn.hxay.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the objects of audit rows of one type, so the log reads "隐患 隐改字〔2026〕3号 · 消防通道堵塞"
 * instead of "hazard 31". Each module that writes audit rows about its objects provides
 * one, reading its own tables; what a module must not show every administrator
 * (police-only details) it leaves out of the name.
 */
public interface AuditSubjects {

	/** The subject type the rows carry, e.g. {@code hazard}. */
	String type();

	/** The type in Chinese, e.g. 隐患. */
	String label();

	/** Names of the given subject ids; ids it does not know are left out. */
	Map<String, String> names(Collection<String> ids);

}
