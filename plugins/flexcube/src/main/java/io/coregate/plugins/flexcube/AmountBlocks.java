package io.coregate.plugins.flexcube;

import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.LegKey;
import io.coregate.plugin.api.Money;
import io.coregate.plugin.api.Operation;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Receipt;
import io.coregate.plugin.api.TransferContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds as FCUBS amount blocks ({@code FCUBSAccService}): {@code CreateAmtBlk} earmarks an amount on an account under the
 * leg's key as {@code REFERENCE_NO}, {@code CloseAmtBlk} lifts it, {@code QueryAmtBlk} lists an account's blocks so a
 * retried hold finds its earlier block instead of blocking twice. Closing a block already closed is done. Thread-safe.
 */
final class AmountBlocks {

    /** The account service. */
    static final String SERVICE = "FCUBSAccService";

    private final FlexcubeSettings settings;
    private final FlexcubeClient bank;

    AmountBlocks(FlexcubeSettings settings, FlexcubeClient bank) {
        this.settings = settings;
        this.bank = bank;
    }

    /** Blocks the amount on the account under the leg's key; a retry answers the earlier block. */
    Outcome<Receipt> block(LegKey key, String account, Money amount, TransferContext context) {
        String reference = settings.references().key(key);
        if (key.isRetry()) {
            Outcome<Optional<Soap.Element>> earlier = find(account, reference);
            if (earlier instanceof Outcome.Failed<Optional<Soap.Element>> failed) {
                return Outcome.failed(failed.kind(), "flexcube: cannot tell whether " + reference + " was blocked before: " + failed.message());
            }
            if (earlier instanceof Outcome.Done<Optional<Soap.Element>> done && done.value().isPresent()) {
                return Outcome.done(new Receipt(done.value().get().text("AMTBLKNO")));
            }
        }
        var block = new LinkedHashMap<String, String>();
        block.put("ACC", account);
        block.put("BRANCH", settings.branch());
        block.put("AMT", amount.plain());
        block.put("ABLKTYPE", "F");
        block.put("REFERENCE_NO", reference);
        block.put("EFFDATE", LocalDate.now(ZoneOffset.UTC).toString());
        context.expiresAt().ifPresent(at -> block.put("EXPDATE", at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).toString()));
        block.put("HPCODE", settings.holdCode());
        block.put("REM", "Mojaloop " + context.transferId());
        FlexcubeClient.Answer answer = bank.call(SERVICE, "CreateAmtBlk", "CREATEAMTBLK_FSFS_REQ", Map.of("Amount-Blocks-IO", block),
                Operation.POSTING);
        if (!(answer instanceof FlexcubeClient.Answer.Ok ok)) {
            return bank.failure(answer);
        }
        String number = ok.reply().body().find("Amount-Blocks-Full").map(b -> b.text("AMTBLKNO")).orElse("");
        return number.isBlank() ? Outcome.failed(FailureKind.TIMEOUT, "flexcube blocked funds without naming the block: the outcome is unknown")
                : Outcome.done(new Receipt(number));
    }

    /** Closes the block (its number, else the one found by the hold leg's key); none, or one already closed, is done. */
    Outcome<Receipt> close(Optional<String> number, String account, LegKey holdKey) {
        Optional<String> known = number.filter(n -> !n.isBlank());
        if (known.isEmpty()) {
            Outcome<Optional<Soap.Element>> found = find(account, settings.references().key(holdKey));
            if (!(found instanceof Outcome.Done<Optional<Soap.Element>> done)) {
                return found instanceof Outcome.Failed<Optional<Soap.Element>> f ? Outcome.failed(f.kind(), f.message())
                        : Outcome.failed(FailureKind.TIMEOUT, "flexcube: the block is not known yet");
            }
            if (done.value().isEmpty()) {
                return Outcome.done(new Receipt("none"));
            }
            known = Optional.of(done.value().get().text("AMTBLKNO"));
        }
        String id = known.get();
        FlexcubeClient.Answer answer = bank.call(SERVICE, "CloseAmtBlk", "CLOSEAMTBLK_FSFS_REQ",
                Map.of("Amount-Blocks-IO", Map.of("ACC", account, "AMTBLKNO", id)), Operation.POSTING);
        if (answer instanceof FlexcubeClient.Answer.Ok
                || answer instanceof FlexcubeClient.Answer.Refused r && r.reply().has(Set.of(FlexcubeSettings.BLOCK_CLOSED))) {
            return Outcome.done(new Receipt(id));
        }
        Outcome<Receipt> failed = bank.failure(answer);
        return failed instanceof Outcome.Failed<Receipt> f && f.kind() == FailureKind.NOT_FOUND ? Outcome.done(new Receipt(id)) : failed;
    }

    /** The open block on the account carrying this reference, if any. */
    Outcome<Optional<Soap.Element>> find(String account, String reference) {
        FlexcubeClient.Answer answer = bank.call(SERVICE, "QueryAmtBlk", "QUERYAMTBLK_IOFS_REQ", Map.of("Amount-Blocks-IO", Map.of("ACC", account)),
                Operation.STATUS);
        if (answer instanceof FlexcubeClient.Answer.Ok ok) {
            return Outcome.done(ok.reply().body().findAll("Amount-Blocks-Full").stream()
                    .filter(b -> reference.equals(b.text("REFERENCE_NO"))).findFirst());
        }
        Outcome<Optional<Soap.Element>> failed = bank.failure(answer);
        return failed instanceof Outcome.Failed<Optional<Soap.Element>> f && f.kind() == FailureKind.NOT_FOUND
                ? Outcome.done(Optional.empty()) : failed;
    }

    /** Whether the block is still open ({@code STATUS} O), by its number. */
    Outcome<Boolean> open(String account, String number) {
        FlexcubeClient.Answer answer = bank.call(SERVICE, "QueryAmtBlk", "QUERYAMTBLK_IOFS_REQ", Map.of("Amount-Blocks-IO", Map.of("ACC", account)),
                Operation.STATUS);
        if (answer instanceof FlexcubeClient.Answer.Ok ok) {
            return Outcome.done(ok.reply().body().findAll("Amount-Blocks-Full").stream()
                    .anyMatch(b -> number.equals(b.text("AMTBLKNO")) && !"C".equals(b.text("STATUS"))));
        }
        return bank.failure(answer);
    }
}
