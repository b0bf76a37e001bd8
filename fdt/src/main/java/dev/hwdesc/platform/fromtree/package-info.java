/**
 * Device tree to platform: {@link dev.hwdesc.platform.fromtree.TreeToPlatform} reads any tree (a
 * DTB from anywhere, untrusted) into a {@link dev.hwdesc.platform.Platform}, and lists, beside it,
 * every node and property it did not interpret, each with the reason.
 *
 * <p>Nodes are recognised by what the Linux bindings say they are (compatible, device_type, the
 * fixed paths /cpus, /chosen and /cpus/cpu-map), never by a VMM's node names; addresses go through
 * every parent's #address-cells, #size-cells and ranges to CPU addresses; interrupts go through
 * interrupt-parent chains (and interrupts-extended) to the GIC; phandles, paths and roles are indexed
 * once. Each device is read in one transaction ({@code Claim}): it takes the properties it
 * interprets, and either all of them count or, when anything is malformed, the node is listed with
 * the reason and nothing of it counts.
 */
package dev.hwdesc.platform.fromtree;
