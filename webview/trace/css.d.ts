/** The panel's stylesheet is imported for esbuild, which emits it beside the bundle. */
declare module '*.css';
