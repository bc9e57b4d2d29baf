package cn.hxay.supervision;

import java.time.Instant;
import java.util.List;

/** A group with its members (current and past) and the changes made to it. */
public record GroupView(LeadershipGroup group, List<Member> members, List<Change> changes) {

	/** One change to the group, as the history shows it. */
	public record Change(Instant at, String by, String what) {
	}

	public List<Member> current() {
		return members.stream().filter(Member::current).toList();
	}

	public List<Member> past() {
		return members.stream().filter(m -> !m.current()).toList();
	}

	/** The group as a list shows it: current members only, phone numbers masked. */
	public GroupView forList() {
		return new GroupView(group, current().stream().map(Member::masked).toList(), List.of());
	}

}
