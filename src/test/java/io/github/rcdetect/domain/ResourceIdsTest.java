package io.github.rcdetect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every resource-id form a Run Command record carries (docs/spec.md, section 9). */
class ResourceIdsTest {
    private static final String RG = "/subscriptions/3c7e2f1a-8d4b-4e6f-9a1c-2b5d7e9f0a13/resourceGroups/rg-prod";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // The action-based Run Command on a VM, as Azure writes it and upper-cased as the integration does.
                RG + "/providers/Microsoft.Compute/virtualMachines/WIN-PAY-03 | WIN-PAY-03 | " + RG
                        + "/providers/Microsoft.Compute/virtualMachines/WIN-PAY-03",
                "/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1 | VM1 | "
                        + "/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1",
                // A managed run command on a VM: the machine is the VM, its id without /runCommands/<name>.
                RG + "/providers/Microsoft.Compute/virtualMachines/lnx-cache-vm-2/runCommands/rc1 | lnx-cache-vm-2 | "
                        + RG + "/providers/Microsoft.Compute/virtualMachines/lnx-cache-vm-2",
                // A scale-set instance, by the action and by a managed run command, in either case.
                RG + "/providers/Microsoft.Compute/virtualMachineScaleSets/FRONTSS/virtualMachines/75 | FRONTSS_75 | "
                        + RG + "/providers/Microsoft.Compute/virtualMachineScaleSets/FRONTSS/virtualMachines/75",
                RG + "/providers/microsoft.compute/virtualmachinescalesets/frontss/virtualmachines/75/runcommands/x"
                        + " | frontss_75 | "
                        + RG + "/providers/microsoft.compute/virtualmachinescalesets/frontss/virtualmachines/75",
                // A resource group named like a resource type is not taken for one.
                "/subscriptions/s/resourceGroups/virtualMachines/providers/Microsoft.Compute/virtualMachines/vm7 | vm7 | "
                        + "/subscriptions/s/resourceGroups/virtualMachines/providers/Microsoft.Compute/virtualMachines/vm7",
                "/subscriptions/s/resourceGroups/providers/providers/Microsoft.Compute/virtualMachines/vm8 | vm8 | "
                        + "/subscriptions/s/resourceGroups/providers/providers/Microsoft.Compute/virtualMachines/vm8",
                // An id cut short before its provider still names its machine.
                "virtualMachines/vm9/runCommands/rc | vm9 | virtualMachines/vm9",
            })
    void theMachineOfAResourceId(String id, String name, String machineId) {
        assertThat(ResourceIds.machine(id)).isEqualTo(new AzureMachine(name, machineId));
    }

    @Test
    void anIdOfNoMachineStandsForItsLastSegmentWithoutAnId() {
        assertThat(ResourceIds.machine(RG + "/providers/Microsoft.Storage/storageAccounts/logs"))
                .isEqualTo(new AzureMachine("logs", null));
        assertThat(ResourceIds.machine(RG + "/providers/Microsoft.Compute/virtualMachineScaleSets/frontss"))
                .isEqualTo(new AzureMachine("frontss", null));
        assertThat(ResourceIds.machine("")).isNull();
        assertThat(ResourceIds.machine(null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MYVM | MYVM",
                "MYVM/RUNCOMMANDS/RC1 | MYVM",
                "MYSS/VIRTUALMACHINES/3 | MYSS_3",
                "MYSS/VIRTUALMACHINES/3/RUNCOMMANDS/RC1 | MYSS_3",
            })
    void theMachineOfAnAzureResourceNameAsTheIntegrationLeavesIt(String resourceName, String name) {
        assertThat(ResourceIds.machineOfResourceName(resourceName)).isEqualTo(new AzureMachine(name, null));
    }

    @Test
    void theKeyIsTheNameLowerCased() {
        assertThat(new AzureMachine("FRONTSS_75", null).key()).isEqualTo("frontss_75");
    }

    @Test
    void scaleSetsAndTheirInstances() {
        String scaleSet = RG + "/providers/Microsoft.Compute/virtualMachineScaleSets/frontss";
        assertThat(ResourceIds.scaleSetName(scaleSet)).isEqualTo("frontss");
        assertThat(ResourceIds.scaleSetName(scaleSet + "/virtualMachines/3")).isNull();
        assertThat(ResourceIds.isScaleSetInstance(scaleSet + "/virtualMachines/3"))
                .isTrue();
        assertThat(ResourceIds.isScaleSetInstance(scaleSet)).isFalse();
        assertThat(ResourceIds.isScaleSetInstance(RG + "/providers/Microsoft.Compute/virtualMachines/frontss_3"))
                .isFalse();
        assertThat(ResourceIds.scaleSetInstanceId(scaleSet + "/", 75)).isEqualTo(scaleSet + "/virtualMachines/75");
    }

    @Test
    void theSubscriptionOfAnId() {
        assertThat(ResourceIds.subscriptionId(RG + "/providers/Microsoft.Compute/virtualMachines/vm"))
                .isEqualTo("3c7e2f1a-8d4b-4e6f-9a1c-2b5d7e9f0a13");
        assertThat(ResourceIds.subscriptionId("/resourceGroups/rg")).isNull();
    }
}
