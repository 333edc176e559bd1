package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import java.util.Set;

/**
 * The shadow utilities that manage accounts (useradd, groupadd, usermod, userdel, groupdel,
 * passwd, chpasswd...): users and groups created, deleted, changed, passwords changed. ECS
 * {@code event.category: iam}; user and group ids as {@code user.id} / {@code group.id}.
 */
public final class ShadowParser extends ProgramParser {

    public static final String NAME = "shadow";

    /** The programs of the shadow package that write to auth.log. */
    public static final Set<String> PROGRAMS = Set.of("useradd", "groupadd", "usermod", "userdel", "groupdel",
            "groupmod", "passwd", "chpasswd", "chage", "gpasswd", "newusers", "chsh", "chfn");

    private static final List<String> IAM = List.of("iam");
    private static final String QUOTED = "'(.*?)'";

    private static final List<Shape> SHAPES = List.of(
            Shape.startingWith("new user: ", "new user: name=([^,]+), UID=(\\d+), GID=(\\d+), home=([^,]*), "
                    + "shell=([^,]*)(?:, from=(.*))?", (m, out) -> {
                        out.event(IAM, List.of("user", "creation"), "user_created", "success");
                        out.put("user.name", m.group(1)).number("user.id", m.group(2)).number("group.id", m.group(3));
                        out.put("fenghuo.shadow.home", m.group(4)).put("fenghuo.shadow.shell", m.group(5));
                        out.put("fenghuo.shadow.from", m.group(6));
                    }),
            Shape.startingWith("new group: ", "new group: name=([^,]+), GID=(\\d+)", (m, out) -> {
                out.event(IAM, List.of("group", "creation"), "group_created", "success");
                out.put("group.name", m.group(1)).number("group.id", m.group(2));
            }),
            Shape.startingWith("group added to ", "group added to (\\S+): name=([^,]+)(?:, GID=(\\d+))?", (m, out) -> {
                out.event(IAM, List.of("group", "creation"), "group_created", "success");
                out.put("fenghuo.shadow.database", m.group(1)).put("group.name", m.group(2));
                out.number("group.id", m.group(3));
            }),
            Shape.startingWith("failed adding user ", "failed adding user " + QUOTED + ", data deleted", (m, out) -> {
                out.event(IAM, List.of("user", "creation"), "user_created", "failure");
                out.put("user.name", m.group(1));
            }),
            Shape.startingWith("delete user ", "delete user " + QUOTED, (m, out) -> {
                out.event(IAM, List.of("user", "deletion"), "user_deleted", "success");
                out.put("user.name", m.group(1));
            }),
            Shape.startingWith("removed group ", "removed group " + QUOTED + "(?: owned by " + QUOTED + ")?",
                    (m, out) -> {
                        out.event(IAM, List.of("group", "deletion"), "group_deleted", "success");
                        out.put("group.name", m.group(1));
                    }),
            Shape.startingWith("add ", "add " + QUOTED + " to (?:shadow )?group " + QUOTED, (m, out) -> {
                out.event(IAM, List.of("group", "change"), "user_added_to_group", "success");
                out.put("user.name", m.group(1)).put("group.name", m.group(2));
            }),
            Shape.startingWith("delete ", "delete " + QUOTED + " from (?:shadow )?group " + QUOTED, (m, out) -> {
                out.event(IAM, List.of("group", "change"), "user_removed_from_group", "success");
                out.put("user.name", m.group(1)).put("group.name", m.group(2));
            }),
            Shape.startingWith("change user ", "change user " + QUOTED + " (.+)", (m, out) -> {
                out.event(IAM, List.of("user", "change"), "user_changed", "success");
                out.put("user.name", m.group(1)).put("fenghuo.shadow.change", m.group(2));
            }),
            Shape.startingWith("password for ", "password for " + QUOTED + " changed by " + QUOTED, (m, out) -> {
                out.event(IAM, List.of("user", "change"), "password_changed", "success");
                out.put("user.target.name", m.group(1)).put("user.name", m.group(2));
            }));

    public ShadowParser() {
        super(NAME, PROGRAMS::contains, SHAPES);
    }
}
