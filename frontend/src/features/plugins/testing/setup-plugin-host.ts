/**
 * The plugin host, built from the app's real modules, installed before any test file is
 * imported: a plugin's module (plugins/<name>/frontend/src) reads it when evaluated,
 * exactly as in the browser after the web app's loader installed it.
 */
import { installPluginHost } from '@/features/plugins/utils/plugin-host';

installPluginHost();
