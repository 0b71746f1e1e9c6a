package io.github.rcdetect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "win-pay-03.corp.fabrikam.com, win-pay-03",
        "WIN-PAY-03.CORP.FABRIKAM.COM, win-pay-03",
        "WIN-PAY-03, win-pay-03",
        "lnx-db-02., lnx-db-02",
        "10.1.2.3, 10.1.2.3",
        "' cache-a', ' cache-a'",
    })
    void theGuestIsTheFirstLabelLowerCasedAndAnAddressStaysWhole(String hostName, String guest) {
        assertThat(HostNames.guestName(hostName)).isEqualTo(guest);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void noNameNamesNoGuest(String hostName) {
        assertThat(HostNames.guestName(hostName)).isNull();
    }
}
