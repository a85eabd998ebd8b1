/** Stylesheets are imported for esbuild, which emits them beside the panel's bundle. */
declare module '*.css';
