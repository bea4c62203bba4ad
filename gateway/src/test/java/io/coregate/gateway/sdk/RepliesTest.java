package io.coregate.gateway.sdk;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.payer.ConnectorOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How connector answers outside the happy path are read, including what older connectors send outside the spec. */
class RepliesTest {

    private static final String ID = "3f1c2a9e-7b4d-4c1e-9a2b-0d1e2f3a4b5c";

    private static Exchange.Answer answer(int status, String json) {
        return new Exchange.Answer(status, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quoteAndPartiesSentAsJsonStringsAreRead() {
        String quote = "{\\'transferAmount\\':{\\'amount\\':\\'10\\',\\'currency\\':\\'ZMW\\'},\\'expiration\\':\\'2030-01-01T00:00:00.000+02:00\\'}";
        var outcome = Replies.posted(answer(200, "{'transferId':'" + ID + "','currentState':'WAITING_FOR_QUOTE_ACCEPTANCE',"
            + "'to':{'idType':'MSISDN','idValue':'1'},'quoteResponse':{'body':'" + quote + "'},"
            + "'getPartiesResponse':{'body':{'party':{'partyIdInfo':{'fspId':'payeefsp'},'personalInfo':{'complexName':{'firstName':'Mary',"
            + "'lastName':'Phiri'}}}}},'somethingNew':[1,2,3]}"));
        var transfer = assertInstanceOf(ConnectorOutcome.Quoted.class, outcome).transfer();
        assertEquals(new BigDecimal("10"), transfer.transferAmount().orElseThrow().amount());
        assertEquals("2029-12-31T22:00:00Z", transfer.quoteExpiration().orElseThrow().toString());
        assertEquals("Mary Phiri", transfer.payee().orElseThrow().name().orElseThrow());
        assertEquals("payeefsp", transfer.payee().orElseThrow().fspId().orElseThrow());
    }

    @Test
    void mojaloopErrorInLastErrorWinsOverABareStatusCode() {
        var outcome = Replies.posted(answer(500, "{'message':'failed','statusCode':'500','transferState':{'lastError':{'httpStatusCode':500,"
            + "'mojaloopError':{'errorInformation':{'errorCode':'3204','errorDescription':'Party not found'}}}}}"));
        var failed = assertInstanceOf(ConnectorOutcome.Failed.class, outcome);
        assertEquals(ErrorCode.PARTY_NOT_FOUND, failed.code());
        assertTrue(failed.message().contains("3204 Party not found"), failed.message());
    }

    @Test
    void errorsWithoutAnFspiopCodeAreUnknownOnceTheTransferMayBeAtTheHub() {
        String bare = "{'message':'boom','statusCode':'500','transferState':{}}";
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, assertInstanceOf(ConnectorOutcome.Failed.class, Replies.posted(answer(500, bare))).code());
        assertInstanceOf(ConnectorOutcome.Unknown.class, Replies.accepted(ID, answer(500, bare)));
        assertInstanceOf(ConnectorOutcome.Unknown.class,
            Replies.accepted(ID, answer(500, "{'transferState':{'lastError':{'httpStatusCode':504}}}")));
        assertInstanceOf(ConnectorOutcome.Unknown.class, Replies.accepted(ID, answer(200, "not json")));
        assertEquals(ErrorCode.VALIDATION, assertInstanceOf(ConnectorOutcome.Failed.class, Replies.accepted(ID, answer(400, "{}"))).code());
    }

    @Test
    void connectorConfiguredOtherwiseIsNamed() {
        var party = Replies.posted(answer(200, "{'transferId':'" + ID + "','currentState':'WAITING_FOR_PARTY_ACCEPTANCE'}"));
        assertTrue(assertInstanceOf(ConnectorOutcome.Failed.class, party).message().contains("AUTO_ACCEPT_PARTY=true"));
        var auto = Replies.posted(answer(200,
            "{'transferId':'" + ID + "','currentState':'COMPLETED','fulfil':{'body':{'transferState':'COMMITTED'}}}"));
        assertInstanceOf(ConnectorOutcome.Completed.class, auto, "auto-accepted quotes: the flow must know money moved");
    }

    @Test
    void hubStateDecidesAStatusRead() {
        assertInstanceOf(ConnectorOutcome.Unknown.class,
            Replies.status(ID, answer(200, "{'transferId':'" + ID + "','currentState':'COMPLETED','fulfil':{'body':{'transferState':'RESERVED'}}}")));
        assertInstanceOf(ConnectorOutcome.Aborted.class,
            Replies.status(ID, answer(200, "{'currentState':'COMPLETED','fulfil':{'body':'{\\'transferState\\':\\'ABORTED\\'}'}}")));
    }
}
