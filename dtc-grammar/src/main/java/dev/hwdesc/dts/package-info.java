package dev.hwdesc.dts;
