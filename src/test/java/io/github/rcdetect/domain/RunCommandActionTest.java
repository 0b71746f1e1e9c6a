package io.github.rcdetect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four control-plane actions of the Run Command family (docs/spec.md, section 10), in either case. */
class RunCommandActionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION, VIRTUAL_MACHINE, ACTION",
        "Microsoft.Compute/virtualMachines/runCommand/action, VIRTUAL_MACHINE, ACTION",
        "MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/VIRTUALMACHINES/RUNCOMMAND/ACTION, SCALE_SET_INSTANCE, ACTION",
        "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/WRITE, MANAGED_ON_VIRTUAL_MACHINE, MANAGED",
        "microsoft.compute/virtualmachinescalesets/virtualmachines/runcommands/write, MANAGED_ON_SCALE_SET_INSTANCE,"
                + " MANAGED",
    })
    void eachActionIsOfItsFamily(String operation, RunCommandAction action, RunCommandAction.Family family) {
        assertThat(RunCommandAction.of(operation)).isEqualTo(action);
        assertThat(RunCommandAction.isOfFamily(operation, family)).isTrue();
        RunCommandAction.Family other = family == RunCommandAction.Family.ACTION
                ? RunCommandAction.Family.MANAGED
                : RunCommandAction.Family.ACTION;
        assertThat(RunCommandAction.isOfFamily(operation, other)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/DELETE",
        "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/READ",
        "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE",
    })
    void otherOperationsRunNoCommand(String operation) {
        assertThat(RunCommandAction.of(operation)).isNull();
        assertThat(RunCommandAction.isOfFamily(operation, RunCommandAction.Family.MANAGED))
                .isFalse();
    }
}
