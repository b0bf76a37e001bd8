package dev.hwdesc.acpi;
