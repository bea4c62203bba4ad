package io.coregate.plugin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coregate.plugin.support.log.Redactor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void secretValuesTheirUrlEncodingAndAuthorizationCredentialsAreMasked() {
        Redactor redactor = Redactor.of(name -> Optional.ofNullable(Map.of("apiKey", "k3y&val ue").get(name)), "apiKey", "absent");

        assertEquals("GET https://cbs/x?key=*** headers {Authorization: ***, X-Key: ***}",
                redactor.redact("GET https://cbs/x?key=k3y%26val+ue headers {Authorization: Bearer abc.def, X-Key: k3y&val ue}"));
        assertEquals("{\"authorization\":\"***\"} Basic *** bearer ***",
                redactor.redact("{\"authorization\":\"Basic Zm9vOmJhcg==\"} Basic Zm9vOmJhcg== bearer t0k"));
        assertEquals("nothing here", Redactor.of(List.of("")).redact("nothing here"));
    }
}
