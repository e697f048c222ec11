// The reader of synthesized stacks lives in the product (constructs/synthesized.ts); the labs and
// tests keep importing it from here.
export * from "../../constructs/synthesized";
