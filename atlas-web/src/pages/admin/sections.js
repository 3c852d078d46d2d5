// The admin console's sections, in the order of its navigation. Each module exports a section:
//   { path, title (text key), allowed(roles), render(ctx) }  — see console.js for ctx.
import importSection from './import.js';
import batchesSection from './batches.js';
import indicatorsSection from './indicators.js';
import disclosureSection from './disclosure.js';
import usersSection from './users.js';
import settingsSection from './settings.js';

export const sections = [importSection, batchesSection, indicatorsSection, disclosureSection, usersSection, settingsSection];
