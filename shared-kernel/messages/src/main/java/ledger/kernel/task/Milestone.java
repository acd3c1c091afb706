package ledger.kernel.task;

import java.time.LocalDate;

import ledger.kernel.shared.Require;

/** A named intermediate step of a task, due by a date (节点目标). */
public record Milestone(String name, LocalDate dueDate) {

    public Milestone {
        name = Require.text(name, "milestones.name", 100);
        Require.present(dueDate, "milestones.dueDate");
    }
}
