package dev.hwdesc.bench;
