/** True when dist/ holds a build newer than every source file it was built from. */
export function bangunanTerkini(): boolean;
