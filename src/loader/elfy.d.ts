// elfy ships no type declarations; src/loader/elf.ts gives what it reads a typed view.
declare module "elfy" {
  const elfy: unknown;
  export default elfy;
}
