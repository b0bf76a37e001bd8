package dev.hwdesc.platform;

import java.util.Optional;

/** The guest's GIC: a version 2 or a version 3 interrupt controller, each with its own frames. */
public sealed interface InterruptController permits GicV2, GicV3 {

    /** The distributor (GICD) frame. */
    Region distributor();

    /** The VGIC maintenance interrupt, present when the guest may run a hypervisor (EL2). */
    Optional<Interrupt> maintenance();

    /** 2 or 3 (GICv4 is described as a GICv3). */
    int version();
}
