package cn.hxay.shared;

/**
 * Someone else saved the same record since it was loaded (optimistic locking); nothing
 * was overwritten.
 */
public class ConcurrentEditException extends RuntimeException {

	public ConcurrentEditException(String what) {
		super(what + "已被他人修改，您的修改未保存。请刷新后重新编辑。");
	}

}
