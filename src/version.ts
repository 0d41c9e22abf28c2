/** The tool's name and version, written into every report (a test keeps it equal to package.json). */
export const TOOL = { name: 'regression-gate', version: '0.1.0' } as const;
