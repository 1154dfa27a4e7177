// The script of pages with GOV.UK Frontend's Exit this page (components/exit-this-page.tsx):
// everything site.mjs does, and the button's Shift-three-times shortcut. Loaded instead of it.
import { ExitThisPage } from 'govuk-frontend/dist/govuk/components/exit-this-page/exit-this-page.mjs'
import { start } from './site.mjs'

start(ExitThisPage)
