// An adapter module that forgot to export its factory.
export const notAFactory = 42;
