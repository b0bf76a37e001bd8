/**
 * AML, ACPI's byte code, as a tree of small immutable terms serialized once at the end (after
 * QEMU's aml-build): {@link dev.hwdesc.acpi.aml.Asl} builds the terms in ASL's words,
 * {@link dev.hwdesc.acpi.aml.Aml#writeTo} encodes them, each PkgLength computed bottom-up in its
 * shortest form.
 */
package dev.hwdesc.acpi.aml;
