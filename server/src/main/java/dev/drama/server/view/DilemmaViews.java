package dev.drama.server.view;

import dev.drama.engine.Dilemma;
import dev.drama.engine.OptionDetail;
import dev.drama.engine.WayOut;
import dev.drama.proto.DilemmaEvent;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.ServerMessage;

/** Engine dilemmas as wire messages. */
public final class DilemmaViews {
    private DilemmaViews() {
    }

    public static ServerMessage event(Dilemma dilemma, DilemmaEvent.Change change) {
        return ServerMessage.newBuilder()
                .setDilemma(DilemmaEvent.newBuilder().setChange(change).setDilemma(view(dilemma)))
                .build();
    }

    public static dev.drama.proto.Dilemma view(Dilemma d) {
        dev.drama.proto.Dilemma.Builder b = dev.drama.proto.Dilemma.newBuilder()
                .setKind(DilemmaKind.valueOf(d.kind().name()))
                .setHolderId(d.holder())
                .setTowardsId(d.towards().orElse(""))
                .setExplanation(d.explanation())
                .addAllCompared(Settings.of(d.compared()))
                .addAllAgainst(Settings.of(d.against()));
        for (WayOut w : d.waysOut()) {
            b.addWaysOut(dev.drama.proto.WayOut.newBuilder()
                    .setKind(w.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .setDescription(w.description())
                    .addAllIntentions(Settings.of(w.intentions()))
                    .addAllPosition(Settings.of(w.position()))
                    .setCost(w.cost())
                    .addAllRelease(w.release())
                    .setWithdrawDoubtAbout(w.withdrawDoubt())
                    .setBreaksAgreement(!w.keepsAgreements()));
        }
        for (OptionDetail o : d.detail()) {
            b.addDetail(dev.drama.proto.OptionDetail.newBuilder()
                    .setOptionId(o.optionId()).setOwnerId(o.ownerId())
                    .setThreatened(o.threatened()).setProposed(o.proposed()).setVerdict(o.verdict()));
        }
        return b.build();
    }
}
