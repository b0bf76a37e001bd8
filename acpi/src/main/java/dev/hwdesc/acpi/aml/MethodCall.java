package dev.hwdesc.acpi.aml;

import java.util.List;

/** MethodInvocation (ACPI 6.4 section 20.2.7): the method's NameString, then its arguments. */
public record MethodCall(NameString method, List<Aml> arguments) implements Aml {

    public MethodCall {
        arguments = List.copyOf(arguments);
        if (arguments.size() > 7) {
            throw new IllegalArgumentException("a method takes at most 7 arguments, not " + arguments.size());
        }
    }

    @Override
    public void writeTo(AmlOutput out) {
        method.writeTo(out);
        arguments.forEach(out::write);
    }
}
